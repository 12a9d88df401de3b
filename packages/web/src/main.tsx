import '@mantine/core/styles.css';
import './styles.css';
import { Center, DirectionProvider, Loader, MantineProvider } from '@mantine/core';
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

// A page loaded on demand, opened first: the layout shows with a loader until the page arrives
// (without one, the router warns on the console).
const pageLoading = (
  <Center py="xl">
    <Loader size="sm" />
  </Center>
);

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
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Plans.js')).Plans }),
      },
      {
        path: 'plans/:id',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Plan.js')).Plan }),
      },
      {
        path: 'criteria',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Criteria.js')).Criteria }),
      },
      {
        path: 'admin',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/admin/Admin.js')).Admin }),
      },
      {
        path: 'sign-in',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/SignIn.js')).SignIn }),
      },
      {
        path: 'entry',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/DataEntry.js')).DataEntry }),
      },
      {
        path: 'approvals',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Approvals.js')).Approvals }),
      },
      {
        path: 'reports',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Reports.js')).Reports }),
      },
      {
        path: 'reports/unit/:code',
        hydrateFallbackElement: pageLoading,
        lazy: async () => {
          const { Report } = await import('./pages/Report.js');
          return { Component: () => <Report kind="unit" /> };
        },
      },
      {
        path: 'reports/plan/:id',
        hydrateFallbackElement: pageLoading,
        lazy: async () => {
          const { Report } = await import('./pages/Report.js');
          return { Component: () => <Report kind="plan" /> };
        },
      },
      {
        path: 'dashboard',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Dashboard.js')).Dashboard }),
      },
      {
        path: 'dashboard/:unit',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Dashboard.js')).Dashboard }),
      },
      {
        path: 'reporting',
        hydrateFallbackElement: pageLoading,
        lazy: async () => ({ Component: (await import('./pages/Reporting.js')).Reporting }),
      },
      {
        path: 'import',
        hydrateFallbackElement: pageLoading,
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
