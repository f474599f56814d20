import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { sessionIn, TEST_USER } from '@/testing/auth-session-stub';
import type { AuthSession } from '../auth-session';
import { AuthSessionContext } from '../auth-session-context';
import { SignOutButton } from './sign-out-button';

function signedInSession(): AuthSession {
  return sessionIn(
    { status: 'signed-in', user: TEST_USER },
    { signOut: vi.fn(() => Promise.resolve()) },
  );
}

describe('SignOutButton', () => {
  it('ends the session only once what had to be sent first is sent, so that the session outlives it', async () => {
    const user = userEvent.setup();
    const session = signedInSession();
    let sent = () => {};
    const sending = new Promise<void>((resolve) => (sent = resolve));
    const onSignedOut = vi.fn();
    render(
      <AuthSessionContext value={session}>
        <SignOutButton onSigningOut={() => sending} onSignedOut={onSignedOut} />
      </AuthSessionContext>,
    );

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(session.signOut).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeDisabled();
    sent();
    await vi.waitFor(() => {
      expect(onSignedOut).toHaveBeenCalledTimes(1);
    });
    expect(session.signOut).toHaveBeenCalledTimes(1);
  });

  it('signs out at once when nothing has to be sent', async () => {
    const user = userEvent.setup();
    const session = signedInSession();
    render(
      <AuthSessionContext value={session}>
        <SignOutButton />
      </AuthSessionContext>,
    );

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    await vi.waitFor(() => {
      expect(session.signOut).toHaveBeenCalledTimes(1);
    });
  });

  it('forgets what the user could see only once the session has ended', async () => {
    const user = userEvent.setup();
    let ended = () => {};
    const ending = new Promise<void>((resolve) => (ended = resolve));
    const session = sessionIn(
      { status: 'signed-in', user: TEST_USER },
      { signOut: vi.fn(() => ending) },
    );
    const onSignedOut = vi.fn();
    render(
      <AuthSessionContext value={session}>
        <SignOutButton onSignedOut={onSignedOut} />
      </AuthSessionContext>,
    );

    await user.click(screen.getByRole('button', { name: 'Sign out' }));

    await vi.waitFor(() => {
      expect(session.signOut).toHaveBeenCalledTimes(1);
    });
    expect(onSignedOut).not.toHaveBeenCalled();
    ended();
    await vi.waitFor(() => {
      expect(onSignedOut).toHaveBeenCalledTimes(1);
    });
  });
});
