import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { POSTGRES_TEMPLATE, startPostgresServer } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server-postgres project's PostgreSQL (postgres://…/, a database name completes it). */
    postgresBaseUrl: string | undefined;
  }
}

/**
 * The server-postgres project's PostgreSQL: started once for the run, with a template database already
 * migrated, from which each test database is copied (CREATE DATABASE … TEMPLATE, a few milliseconds).
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const server = await startPostgresServer();
  try {
    await server.admin(`create database ${POSTGRES_TEMPLATE}`);
    const template = await openDatabase(`${server.baseUrl}${POSTGRES_TEMPLATE}`);
    await template.close();
  } catch (error) {
    await server.stop();
    throw error;
  }
  console.log(`PostgreSQL ready in ${Math.round(performance.now() - started)} ms`);
  project.provide('postgresBaseUrl', server.baseUrl);
  return () => server.stop();
}
