import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router';
import type { MyStudent } from '../../../shared/contracts/cabinet.js';
import { useSession } from '../../api/auth.js';
import { useMyStudents } from '../../api/cabinet.js';

/** The localStorage key remembering the student chosen last (per browser). */
export const SELECTED_STUDENT_STORAGE_KEY = 'kabinet.cabinet.student';

const listeners = new Set<() => void>();
/** A guest sees nobody; one array, so effects do not re-run on every render. */
const NO_STUDENTS: MyStudent[] = [];
/** The choice when localStorage is unavailable (private mode): it lasts for the page only. */
let memory: string | null = null;

function readStored(): string | null {
  try {
    return localStorage.getItem(SELECTED_STUDENT_STORAGE_KEY);
  } catch {
    return memory;
  }
}

function store(id: string): void {
  memory = id;
  try {
    localStorage.setItem(SELECTED_STUDENT_STORAGE_KEY, id);
  } catch {
    // Keep the in-memory choice.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === SELECTED_STUDENT_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** What the cabinet pages know about the chosen student. */
export interface SelectedStudent {
  /** The students the account sees; undefined while loading. */
  students: MyStudent[] | undefined;
  /** The chosen one: `?student=` when valid, else the remembered one, else the first. */
  student: MyStudent | null;
  timeZone: string;
  select: (id: string) => void;
  query: ReturnType<typeof useMyStudents>;
}

/**
 * The student the cabinet shows, shared by the selector at the top and the page under it. A
 * link may name the student (`?student=`, e.g. «Оплатить» from the home page); that choice is
 * remembered like a click, so every page opens on the child the parent looked at last.
 */
export function useSelectedStudent(): SelectedStudent {
  const session = useSession();
  const signedIn = Boolean(session.data?.account);
  const query = useMyStudents({ enabled: signedIn });
  const [params, setParams] = useSearchParams();
  const stored = useSyncExternalStore(subscribe, readStored, () => null);
  const students = signedIn ? query.data?.students : NO_STUDENTS;
  const fromUrl = params.get('student');

  useEffect(() => {
    if (fromUrl && students?.some((s) => s.id === fromUrl) && fromUrl !== stored) store(fromUrl);
  }, [fromUrl, students, stored]);

  const select = useCallback(
    (id: string) => {
      store(id);
      // A named student in the address would override the click; drop it.
      if (params.has('student')) {
        const next = new URLSearchParams(params);
        next.delete('student');
        setParams(next, { replace: true });
      }
    },
    [params, setParams],
  );

  const student =
    students?.find((s) => s.id === fromUrl) ??
    students?.find((s) => s.id === stored) ??
    students?.[0] ??
    null;
  return { students, student, timeZone: query.data?.timeZone ?? 'Europe/Moscow', select, query };
}
