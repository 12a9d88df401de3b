/** A field of the request that a problem concerns. */
export interface ProblemField {
  /** Where: `query.period`, `body.values[3].value`, `row 17 column value`... */
  field: string;
  message: string;
  value?: unknown;
}

/**
 * An error the API reports as an RFC 9457 problem document: `status`, `title`, `detail` and the
 * fields concerned. Services throw these; one error handler turns them into responses.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly fields: ProblemField[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

export class NotFound extends ApiProblem {
  constructor(detail: string) {
    super(404, 'Not found', detail);
  }
}

export class ValidationFailed extends ApiProblem {
  constructor(detail: string, fields: ProblemField[] = []) {
    super(400, 'Invalid request', detail, fields);
  }
}

export class Conflict extends ApiProblem {
  constructor(detail: string, fields: ProblemField[] = []) {
    super(409, 'Conflict', detail, fields);
  }
}

/** Unprocessable content: the request was well formed but its data is not acceptable. */
export class UnprocessableContent extends ApiProblem {
  constructor(detail: string, fields: ProblemField[] = []) {
    super(422, 'Unprocessable content', detail, fields);
  }
}

/** A body in a format the route does not read (JSON sent to the file import). */
export class UnsupportedMediaType extends ApiProblem {
  constructor(detail: string, fields: ProblemField[] = []) {
    super(415, 'Unsupported media type', detail, fields);
  }
}

export class Unauthorized extends ApiProblem {
  constructor(detail: string) {
    super(401, 'Unauthorized', detail);
  }
}

export class Forbidden extends ApiProblem {
  constructor(detail: string, fields: ProblemField[] = []) {
    super(403, 'Forbidden', detail, fields);
  }
}

export class TooManyRequests extends ApiProblem {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'Too many requests', detail);
  }
}
