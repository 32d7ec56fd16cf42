import type { Role } from '@metered/contracts';
import { AccessLinkPurpose, User, UserStatus } from '../domain/user';
import { UserDocument } from './user.schema';

export function toUser(document: UserDocument): User {
  return {
    id: document._id,
    email: document.email,
    name: document.name,
    roles: document.roles as Role[],
    accountId: document.accountId ?? null,
    company: document.company,
    country: document.country,
    status: document.status as UserStatus,
    passwordHash: document.passwordHash ?? null,
    accessLink: document.accessLink
      ? {
          purpose: document.accessLink.purpose as AccessLinkPurpose,
          tokenHash: document.accessLink.tokenHash,
          expiresAt: new Date(document.accessLink.expiresAt),
        }
      : null,
    resetRequestedAt: (document.resetRequestedAt ?? []).map((at) => new Date(at)),
    registrationId: document.registrationId ?? null,
    createdAt: new Date(document.createdAt),
    activatedAt: document.activatedAt ? new Date(document.activatedAt) : null,
  };
}

export function toUserDocument(user: User): UserDocument {
  return {
    _id: user.id,
    email: user.email,
    name: user.name,
    roles: [...user.roles],
    accountId: user.accountId,
    company: user.company,
    country: user.country,
    status: user.status,
    passwordHash: user.passwordHash,
    accessLink: user.accessLink ? { ...user.accessLink } : null,
    resetRequestedAt: [...user.resetRequestedAt],
    registrationId: user.registrationId,
    createdAt: user.createdAt,
    activatedAt: user.activatedAt,
  };
}
