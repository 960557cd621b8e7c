import { useParams, useSearchParams } from 'react-router';

/** The one-time token of a link, from `/path/<token>` or `/path?token=<token>`. */
export function useLinkToken(): string {
  const { token } = useParams();
  const [params] = useSearchParams();
  return token ?? params.get('token') ?? '';
}
