import { Alert } from '@mantine/core';
import { ApiError } from '../api.js';

/** The server's refusal of a change: its detail, then each field it names with the reason. */
export function ProblemAlert({ error, testId }: { error: unknown; testId?: string }) {
  if (!error) return null;
  return (
    <Alert color="red" mb="sm" role="alert" data-testid={testId}>
      {error instanceof Error ? error.message : String(error)}
      {error instanceof ApiError &&
        error.fields.map((f) => (
          <div key={f.field}>
            {f.field}: {f.message}
          </div>
        ))}
    </Alert>
  );
}
