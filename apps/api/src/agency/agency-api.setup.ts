import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '@app/runtime/config/app-config';
import { AgencyModule } from './agency.module';
import { applyRouteBodyLimits } from './agency-http';
import { agencyGrpcOptions } from './grpc/agency-grpc.options';
import { serveSwaggerUiUnderItsPolicy } from './swagger-csp';

/** Swagger UI; the document itself is served at `/agency/docs-json` (committed as docs/agency-openapi.json). */
export const AGENCY_DOCS_PATH = 'agency/docs';

/** The agency API's OpenAPI document: the agency routes only, nothing that depends on the run. */
export function buildAgencyOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('困境儿童个案 · 机构接口 (Agency API)')
    .setDescription(
      '人民法院、人民检察院向困境儿童个案系统报送监护相关文书的接口。' +
        '每个请求携带 `Authorization: Bearer <JWT>`（角色 COURT 或 PROCURATORATE，`agency` 声明为机构名称）' +
        '与 `Idempotency-Key`。错误答复不含儿童姓名或身份号码。' +
        '同一服务亦以 gRPC 提供：proto/agency/v1/guardianship.proto。',
    )
    .setVersion('1')
    .setLicense('UNLICENSED (内部接口 / internal)', 'https://spdx.org/licenses/')
    .addServer('/', '本服务 / this service')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return SwaggerModule.createDocument(app, config, { include: [AgencyModule] });
}

/**
 * Everything the agency API adds to the application before it starts: the per-route body limit,
 * the OpenAPI document and Swagger UI (under a policy that lets its own assets run), and the gRPC server (started with the microservices).
 */
export function setupAgencyApi(app: NestFastifyApplication, config: AppConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  applyRouteBodyLimits(fastify);
  serveSwaggerUiUnderItsPolicy(fastify, AGENCY_DOCS_PATH);
  SwaggerModule.setup(AGENCY_DOCS_PATH, app, () => buildAgencyOpenApi(app));
  app.connectMicroservice(agencyGrpcOptions(config));
}
