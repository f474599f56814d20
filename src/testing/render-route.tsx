import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { renderWithProviders, type RenderOptions } from './render-with-providers';

interface RenderRouteOptions extends RenderOptions {
  /** The route pattern the element is rendered at. */
  path: string;
  /** The URL the test starts at. */
  url: string;
}

/**
 * Renders an element as the page of a route in a memory router, so that the test can read the URL the
 * page navigates to (`router.state.location`) and go back and forward (`router.navigate(-1)`).
 */
export function renderRoute(element: ReactElement, { path, url, ...options }: RenderRouteOptions) {
  const router = createMemoryRouter([{ path, element }], { initialEntries: [url] });
  return { router, ...renderWithProviders(<RouterProvider router={router} />, options) };
}
