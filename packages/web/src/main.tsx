import '@mantine/core/styles.css';
import './styles.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n.js';
import { Layout } from './components/Layout.js';
import { Overview } from './pages/Overview.js';
import { Profile } from './pages/Profile.js';
import { theme } from './theme.js';

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: 1, refetchOnWindowFocus: false } },
});

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [
      { index: true, element: <Overview /> },
      { path: 'units/:code', element: <Profile /> },
      // Pages beyond the ranking and profiles load when first opened.
      {
        path: 'plans',
        lazy: async () => ({ Component: (await import('./pages/Plans.js')).Plans }),
      },
      {
        path: 'plans/:id',
        lazy: async () => ({ Component: (await import('./pages/Plan.js')).Plan }),
      },
      {
        path: 'criteria',
        lazy: async () => ({ Component: (await import('./pages/Criteria.js')).Criteria }),
      },
      {
        path: 'admin',
        lazy: async () => ({ Component: (await import('./pages/admin/Admin.js')).Admin }),
      },
      {
        path: 'sign-in',
        lazy: async () => ({ Component: (await import('./pages/SignIn.js')).SignIn }),
      },
      {
        path: 'entry',
        lazy: async () => ({ Component: (await import('./pages/DataEntry.js')).DataEntry }),
      },
      {
        path: 'import',
        lazy: async () => ({ Component: (await import('./pages/ImportWizard.js')).ImportWizard }),
      },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DirectionProvider>
      <MantineProvider theme={theme}>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
