export interface User {
  id: string;
  email: string;
  name: string;
  deletedAt?: string;
}

export type NewUser = Pick<User, 'email' | 'name'>;

// A stand-in store: what matters here is which statuses the routes answer.
const users = new Map<string, User>();

export class UsersService {
  get(id: string) {
    return users.get(id);
  }
  findByEmail(email: string) {
    return [...users.values()].find((u) => u.email === email);
  }
  create(data: NewUser): User {
    const user = { id: String(users.size + 1), ...data };
    users.set(user.id, user);
    return user;
  }
  remove(id: string) {
    return users.delete(id);
  }
}
