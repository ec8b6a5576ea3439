import { Query, Resolver } from 'type-graphql';

@Resolver()
export class HealthResolver {
  @Query(() => String, { description: 'รุ่นของระบบ LEC (ไม่ต้องเข้าสู่ระบบ)' })
  version(): string {
    return process.env.npm_package_version ?? '0.1.0';
  }
}
