import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  ZMyCertificatesResponse,
  ZRegisterCertificateResponse,
  type RegisterCertificateRequest,
} from '../../shared/contracts/helpdesk-certificates.js';
import { apiRequest } from './client.js';
import { helpdeskKey } from './helpdesk.js';

const myCertificatesKey = [...helpdeskKey, 'certificates'] as const;

/** «Мои сертификаты» (`GET /api/helpdesk/certificates`). */
export function useMyCertificates() {
  return useQuery({
    queryKey: myCertificatesKey,
    queryFn: ({ signal }) =>
      apiRequest('/api/helpdesk/certificates', ZMyCertificatesResponse, { signal }),
  });
}

/**
 * Registers a certificate to the signed-in account (`POST /api/helpdesk/certificates/register`).
 * Refreshes the whole help desk: the ticket form offers the new certificate at once.
 */
export function useRegisterCertificate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterCertificateRequest) =>
      apiRequest('/api/helpdesk/certificates/register', ZRegisterCertificateResponse, {
        method: 'POST',
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: helpdeskKey }),
  });
}
