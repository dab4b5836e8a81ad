declare module 'smtp-server' {
  import type { Server } from 'node:net';
  export class SMTPServer {
    constructor(options: Record<string, unknown>);
    listen(port: number, host: string, cb?: () => void): Server;
    close(cb?: () => void): void;
    server: Server;
  }
}
