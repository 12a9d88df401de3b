// The public surface of @dxmon/server, used by the dxmon command.
export { buildApp } from './app.js';
export { type Actor, cliActor, type Role, roles, systemActor } from './auth/actor.js';
export { minPasswordLength } from './auth/passwords.js';
export { loadConfig, type ServerConfig } from './config.js';
export { type Database, openDatabase } from './db/database.js';
export { MigrationsPending } from './db/migrations.js';
export {
  migrateAsOwner,
  type OwnerMigrationOptions,
  type OwnerMigrationReport,
} from './db/ownerMigration.js';
export {
  type DemoSummary,
  demoAccounts,
  demoFolder,
  demoPassword,
  loadDemo,
} from './demo/loadDemo.js';
export {
  type DataExportQuery,
  exportData,
  exportResults,
  exportTargets,
  type NamedExport,
  type ResultsExportQuery,
  type TargetsExportQuery,
} from './exports/exports.js';
export { type ExportFormat, exportFormats } from './exports/exportTable.js';
export { ApiProblem } from './http/problems.js';
export { type ImportOptions, importData } from './imports/importData.js';
export type { ImportProblem, ImportReport } from './imports/importReport.js';
export { csvRows, xlsxRows } from './imports/tableRows.js';
export {
  type DataDirHolder,
  DataDirInUse,
  dataDirHeld,
  dataDirSocket,
  readDataDirHolder,
} from './local/dataDirOwner.js';
export { localHeader, localUserHeader } from './local/localAccess.js';
export { createServer, PortInUse, type Server, type ServerOptions } from './server.js';
export { createApiToken, listApiTokens, revokeApiToken } from './services/apiTokens.js';
export { createUser, findUser, listUsers, type User } from './services/users.js';
