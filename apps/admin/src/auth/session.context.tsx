import { useApiClient, type SignedInUser } from '@gongkai/ui';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Navigate } from 'react-router-dom';

interface SessionValue {
  user: SignedInUser | undefined;
  signedIn: (user: SignedInUser) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

/** Who is signed in. The session itself is the API's cookie; this only mirrors it for the UI. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useApiClient();
  const [user, setUser] = useState<SignedInUser | undefined>();

  const signOut = useCallback(async () => {
    try {
      await client.post('/auth/logout');
    } finally {
      // Signed out locally even when the API is unreachable: the cookie expires on its own.
      setUser(undefined);
    }
  }, [client]);

  const value = useMemo(() => ({ user, signedIn: setUser, signOut }), [user, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Sends a signed-out visitor to the sign-in page before any page chunk is fetched. */
export function RequireSession({ children }: { children: ReactNode }) {
  return useSession().user ? children : <Navigate to="/login" replace />;
}
