#!/usr/bin/env node
// Present in the repository before any build, so that npm can link the `dxmon` command at install
// time; the compiled CLI is built by the root `prepare` script.
import '../dist/main.js';
