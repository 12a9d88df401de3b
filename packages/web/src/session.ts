import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, type Me, rememberCsrf, send } from './api.js';

/**
 * The signed-in user, or null; shared by every component through the query cache. Asked of
 * `/api/session`, which answers anonymous visitors with `{"user": null}` rather than a 401.
 */
export function useMe() {
  return useQuery({
    queryKey: ['me'],
    queryFn: async ({ signal }) =>
      (await getJson<{ user: Me | null }>('/api/session', signal)).user,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return async (email: string, password: string) => {
    const session = await send<{ csrf_token: string; user: Me }>('POST', '/api/auth/login', {
      email,
      password,
    });
    rememberCsrf(session.csrf_token);
    client.setQueryData(['me'], session.user);
    return session.user;
  };
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await send('POST', '/api/auth/logout');
    rememberCsrf(null);
    client.setQueryData(['me'], null);
    await client.invalidateQueries();
  };
}
