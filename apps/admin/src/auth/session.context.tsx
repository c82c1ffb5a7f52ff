import type { SessionResponse } from '@gongkai/contracts';
import { type ApiError, useApiClient } from '@gongkai/ui';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useServerMessage } from '../common/server-messages';
import type { DeskUser } from './desk-user';

type SessionStatus = 'restoring' | 'signedIn' | 'signedOut';

interface SessionValue {
  user: DeskUser | undefined;
  status: SessionStatus;
  /** Why the user was sent back to sign-in (session expired), shown on the sign-in page. */
  notice: string | undefined;
  /** Who was signed in when the session ended: their page is remembered for them only. */
  lastUsername: string | undefined;
  /** After the login route: loads the full user (agency, scope) from /api/auth/me. */
  signedIn: () => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

const EXPIRED = '登录已失效，请重新登录';

/**
 * Who is signed in. The session itself is the API's cookie: on load the desk asks /api/auth/me
 * (401 = signed out), and any later 401 from any route means the session expired or was ended
 * elsewhere, so the user goes back to sign-in with a message instead of a broken page.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const [user, setUser] = useState<DeskUser | undefined>();
  const [status, setStatus] = useState<SessionStatus>('restoring');
  const errorText = useServerMessage();
  // The API's 401 message, shown in the desk's language (serverMessage) when it is shown.
  const [expired, setExpired] = useState<ApiError | undefined>();
  const [lastUsername, setLastUsername] = useState<string | undefined>();

  const loadMe = useCallback(async () => {
    try {
      const body = await client.get<SessionResponse>('/auth/me');
      setUser(body.user);
      setStatus('signedIn');
      setExpired(undefined);
    } catch {
      setUser(undefined);
      setStatus('signedOut');
    }
  }, [client]);

  useEffect(() => {
    void loadMe();
  }, [loadMe]);

  useEffect(
    () =>
      client.onError((error: ApiError, request) => {
        if (error.status !== 401 || request.path.startsWith('/auth/')) return;
        setUser((current) => {
          if (current) {
            setExpired(error);
            setLastUsername(current.username);
          }
          return undefined;
        });
        setStatus('signedOut');
      }),
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await client.post('/auth/logout');
    } catch {
      // Signed out locally even when the API is unreachable: the cookie expires on its own.
    } finally {
      setUser(undefined);
      setStatus('signedOut');
      setExpired(undefined);
    }
  }, [client]);

  const notice = expired ? errorText(expired) || EXPIRED : undefined;
  const value = useMemo(
    () => ({ user, status, notice, lastUsername, signedIn: loadMe, signOut }),
    [user, status, notice, lastUsername, loadMe, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user, for pages rendered only inside RequireSession. */
export function useDeskUser(): DeskUser {
  const { user } = useSession();
  if (!user) throw new Error('useDeskUser outside RequireSession');
  return user;
}

/** Sends a signed-out visitor to sign-in (and back here afterwards) before any page chunk loads. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { user, status, lastUsername } = useSession();
  const location = useLocation();
  if (status === 'restoring') return null;
  if (!user) {
    const from = location.pathname + location.search;
    return (
      <Navigate
        to="/login"
        replace
        state={from === '/' ? undefined : { from, username: lastUsername }}
      />
    );
  }
  return children;
}
