/** Raw HTTP for tests: node:http lets a test set any Host header and path, fetch does not. */
import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

export function invoke(
  port: number,
  token: string | null,
  method: unknown,
  args: unknown,
  host?: string,
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token !== null) headers['X-Corroborate-Token'] = token
  if (host !== undefined) headers.Host = host
  return rawRequest(port, {
    method: 'POST',
    path: '/api/invoke',
    headers,
    body: JSON.stringify({ method, args }),
  })
}
