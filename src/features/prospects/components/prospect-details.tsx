import { useId, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import type { ProspectProfile } from '../schemas/prospect-profile';
import { callsOptStatusLabel } from './prospect-labels';
import { ProspectLocalTime } from './prospect-local-time';

const NOT_SET = 'Not set';

/** One term and its value; the value is named by its term, so it can be found by that name. */
function Detail({ term, children }: { term: string; children: ReactNode }) {
  const id = useId();
  return (
    <Box sx={{ display: 'contents' }}>
      <Typography component="dt" id={id} sx={{ color: 'text.secondary' }}>
        {term}
      </Typography>
      <Typography component="dd" aria-labelledby={id} sx={{ m: 0 }}>
        {children}
      </Typography>
    </Box>
  );
}

interface ProspectDetailsProps {
  profile: ProspectProfile;
  /** What stands for the owner's name: a control to change it, for those who may. */
  owner?: ReactNode;
}

const LIST_SX = {
  display: 'grid',
  gridTemplateColumns: 'max-content 1fr',
  columnGap: 3,
  rowGap: 1,
  m: 0,
} as const;

/** The height of the small select an admin gets for the owner (MUI's small outlined field). */
const OWNER_SELECT_HEIGHT = 40;

/** The details, in their order: each term and how its value reads from the profile. */
const TERMS: readonly {
  term: string;
  value: (profile: ProspectProfile, owner: ReactNode) => ReactNode;
}[] = [
  { term: 'Company', value: (profile) => profile.company ?? NOT_SET },
  { term: 'Title', value: (profile) => profile.title ?? NOT_SET },
  { term: 'Owner', value: (profile, owner) => owner ?? profile.ownerName ?? NOT_SET },
  {
    term: 'Local time',
    value: (profile) =>
      profile.timeZone === null ? (
        'Time zone not known'
      ) : (
        <ProspectLocalTime timeZone={profile.timeZone} />
      ),
  },
  { term: 'Calls', value: (profile) => callsOptStatusLabel(profile.callsOptStatus) },
];

/**
 * The details' place while the prospect loads: the same terms, each value a line of placeholder, so
 * that nothing below moves when they arrive. `ownerSelect`: the owner will be a select, not a name.
 */
export function ProspectDetailsPlaceholder({ ownerSelect }: { ownerSelect: boolean }) {
  return (
    <Box component="dl" sx={LIST_SX}>
      {TERMS.map(({ term }) => (
        <Detail key={term} term={term}>
          <Skeleton
            width="12em"
            {...(term === 'Owner' && ownerSelect
              ? { variant: 'rounded', height: OWNER_SELECT_HEIGHT }
              : {})}
          />
        </Detail>
      ))}
    </Box>
  );
}

/** Who the prospect is and when to call: company, title, owner, local time, calls opt status. */
export function ProspectDetails({ profile, owner }: ProspectDetailsProps) {
  return (
    <Box component="dl" sx={LIST_SX}>
      {TERMS.map(({ term, value }) => (
        <Detail key={term} term={term}>
          {value(profile, owner)}
        </Detail>
      ))}
    </Box>
  );
}
