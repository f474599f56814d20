import { createContext, use, type ReactNode } from 'react';
import Link from '@mui/material/Link';

export interface ProspectLinkProps {
  prospectId: number;
  tabIndex: 0 | -1;
  children: ReactNode;
}

/** A plain link to the app's page of a prospect: what the grid renders where no router is around. */
function plainProspectLink({ prospectId, tabIndex, children }: ProspectLinkProps) {
  return (
    <Link href={`/prospects/${prospectId}`} tabIndex={tabIndex}>
      {children}
    </Link>
  );
}

/**
 * How the Prospect column links to a prospect. The app gives it its router's link; the embedded panel,
 * which has no router (and no Prospect column: it is narrowed to one prospect), keeps the plain one, and
 * so the router stays out of its bundle.
 */
export const ProspectLinkContext =
  createContext<(props: ProspectLinkProps) => ReactNode>(plainProspectLink);

export function ProspectLink(props: ProspectLinkProps) {
  const renderLink = use(ProspectLinkContext);
  return renderLink(props);
}

/**
 * Where a prospect's page is, for a link that opens it in a new tab (the Add and Edit dialog's "Also on
 * …'s record"); undefined where there is no page to open. The app's pages and its frame are on the app's
 * origin; the custom element, on another site's page, gives the app's address.
 */
export const ProspectPageHrefContext = createContext<((prospectId: number) => string) | undefined>(
  (prospectId) => `/prospects/${prospectId}`,
);
