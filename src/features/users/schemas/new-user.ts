import * as z from 'zod/mini';
import { userEmailSchema, userNameSchema, userRoleSchema } from '@contract/user-documents';

/** The "Add user" form: the rules the server checks a new user with, for the fields the form has. */
export const newUserFormSchema = z.object({
  email: userEmailSchema,
  firstName: userNameSchema,
  lastName: userNameSchema,
  role: userRoleSchema,
});

export type NewUserValues = z.input<typeof newUserFormSchema>;
export type NewUser = z.output<typeof newUserFormSchema>;
