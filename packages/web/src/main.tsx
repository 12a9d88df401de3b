import '@mantine/core/styles.css';
import { DirectionProvider, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import './i18n.js';
import { Layout } from './components/Layout.js';
import { DataEntry } from './pages/DataEntry.js';
import { ImportWizard } from './pages/ImportWizard.js';
import { Overview } from './pages/Overview.js';
import { Profile } from './pages/Profile.js';
import { SignIn } from './pages/SignIn.js';

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
      { path: 'sign-in', element: <SignIn /> },
      { path: 'entry', element: <DataEntry /> },
      { path: 'import', element: <ImportWizard /> },
    ],
  },
]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <DirectionProvider>
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  </StrictMode>,
);
