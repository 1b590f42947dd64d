/** The configuration profiles the emulator can pose as. */
import { BP30_PROFILE } from './bp30.js';
import type { Profile, ProfileName } from './mapping.js';
import { UT115_PROFILE } from './ut115.js';

export const PROFILES: Readonly<Record<ProfileName, Profile>> = { bp30: BP30_PROFILE, ut115: UT115_PROFILE };

export type { Binding, MappingContext, ObjectBinding, Profile, ProfileName, RegisterBinding, Row, Scalar } from './mapping.js';
