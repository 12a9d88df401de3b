import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, type Me, type Names, send } from '../api.js';

/** A reminder to report or a notice that a submission waits (GET /api/notifications). */
export interface Notification {
  id: number;
  kind: 'reminder' | 'submitted';
  dataset: string;
  dataset_name: string;
  period: string;
  unit: string | null;
  stage?: 'before' | 'due';
  due_on?: string;
  units: Names[];
  units_total: number;
  submitted_by?: string;
  submitted_at?: string;
  /** The web page where to act. */
  link: string;
  created_at: string;
  read_at: string | null;
}

export interface NotificationPage {
  items: Notification[];
  unread: number;
  total: number;
}

export interface Preferences {
  email_notifications: boolean;
  email: string;
  language: string;
}

/** How often the bell asks for new notifications while a page is open. */
const pollEvery = 60_000;

/** The signed-in user's latest `limit` notifications and the unread count; refreshed every minute. */
export function useNotifications(me: Me | null | undefined, limit: number) {
  const client = useQueryClient();
  return useQuery({
    queryKey: ['notifications', me?.id, limit],
    enabled: Boolean(me),
    refetchInterval: pollEvery,
    queryFn: async ({ signal }): Promise<NotificationPage> => {
      // Signing out refreshes every query before this one is disabled: ask nothing (a 401) then.
      if (!client.getQueryData<Me | null>(['me'])) return { items: [], unread: 0, total: 0 };
      return getJson<NotificationPage>(`/api/notifications?limit=${limit}`, signal);
    },
  });
}

/** Marks notifications read (some, or all), then refreshes the bell. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (which: number[] | 'all') =>
      send<{ marked: number; unread: number }>(
        'POST',
        '/api/notifications/read',
        which === 'all' ? { all: true } : { ids: which },
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

/** The signed-in user's preferences, read while the panel is open. */
export function usePreferences(me: Me, open: boolean) {
  return useQuery({
    queryKey: ['preferences', me.id],
    enabled: open,
    queryFn: ({ signal }) => getJson<Preferences>('/api/me/preferences', signal),
  });
}

export function useSetEmail(me: Me) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (on: boolean) =>
      send<Preferences>('PUT', '/api/me/preferences', { email_notifications: on }),
    onSuccess: (preferences) => client.setQueryData(['preferences', me.id], preferences),
  });
}
