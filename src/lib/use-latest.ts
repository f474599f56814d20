import { useInsertionEffect, useRef, type RefObject } from 'react';

/**
 * A ref that holds `value` as of the last render, for callbacks that must keep their identity (the
 * DataGrid renders every cell again when one changes) and still read the latest props. Written in an
 * insertion effect, which runs before any layout effect: the grid's own layout effects may call them.
 */
export function useLatest<T>(value: T): RefObject<T> {
  const latest = useRef(value);
  useInsertionEffect(() => {
    latest.current = value;
  });
  return latest;
}
