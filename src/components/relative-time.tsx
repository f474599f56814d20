import { memo } from 'react';
import Tooltip from '@mui/material/Tooltip';
import { formatDateTime, formatRelativeTime } from '@/lib/format';

interface RelativeTimeProps {
  /** An ISO 8601 date-time. */
  dateTime: string;
  tabIndex: 0 | -1;
}

/**
 * "3 days ago", with the exact date and time on hover and on keyboard focus. Renders again when its
 * props change (a grid renders its cells often; a tooltip per cell is not free).
 */
export const RelativeTime = memo(function RelativeTime({ dateTime, tabIndex }: RelativeTimeProps) {
  const date = new Date(dateTime);
  if (Number.isNaN(date.getTime())) return dateTime;
  return (
    <Tooltip title={formatDateTime(date)} describeChild>
      <time dateTime={dateTime} tabIndex={tabIndex}>
        {formatRelativeTime(date)}
      </time>
    </Tooltip>
  );
});
