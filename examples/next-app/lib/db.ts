// Stand-in for the app's data layer (Prisma in the real app).
export const db = {
  project: {
    findMany: async (_args: unknown) => [] as { id: string; name: string }[],
    findUnique: async (_args: unknown) => null as { id: string; name: string; ownerId: string } | null,
    create: async (args: { data: { name: string; ownerId: string } }) => ({ id: 'p_1', ...args.data }),
    update: async (args: { where: { id: string }; data: { name: string } }) => ({ id: args.where.id, ...args.data }),
    delete: async (_args: unknown) => undefined,
  },
  ping: async () => true,
};
