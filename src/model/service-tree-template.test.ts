import { BUILT_IN_TEMPLATES } from './service-tree-template.js';

/** aspect: label | query | rule | signal label, one line per signal. */
function describeTemplate(name: string): string[] {
  const rule = (s: Readonly<Record<string, unknown>>): string => (s['above'] !== undefined ? `above ${s['above']}, missing ${s['missing']}` : `${s['score']} ${s['direction']}`);
  return BUILT_IN_TEMPLATES.get(name)!.aspects.flatMap((a) => a.signals.map((s) => `${a.name}: ${a.label} | ${s['query']} | ${rule(s)} | ${s['label']}`));
}

describe('BUILT_IN_TEMPLATES', () => {
  it('gives the OpenTelemetry HTTP server p99 latency, 5xx share and traffic by service_name', () => {
    expect(describeTemplate('otel')).toEqual([
      'latency: {service} latency | histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{service_name="{service}"}[5m]))) | 5 rose | {service} p99 latency',
      'errors: {service} errors | sum(rate(http_server_request_duration_seconds_count{service_name="{service}",http_response_status_code=~"5.."}[5m])) / sum(rate(http_server_request_duration_seconds_count{service_name="{service}"}[5m])) | above 0.01, missing silent | {service} 5xx share above 1 %',
      'errors: {service} errors | sum(rate(http_server_request_duration_seconds_count{service_name="{service}"}[5m])) | 5 fell | {service} traffic',
    ]);
  });

  it("gives Istio's the same from istio_requests_total and the duration histogram by destination_workload", () => {
    expect(describeTemplate('istio')).toEqual([
      'latency: {service} latency | histogram_quantile(0.99, sum by (le) (rate(istio_request_duration_milliseconds_bucket{reporter="destination",destination_workload="{service}"}[5m]))) | 5 rose | {service} p99 latency',
      'errors: {service} errors | sum(rate(istio_requests_total{reporter="destination",destination_workload="{service}",response_code=~"5.."}[5m])) / sum(rate(istio_requests_total{reporter="destination",destination_workload="{service}"}[5m])) | above 0.01, missing silent | {service} 5xx share above 1 %',
      'errors: {service} errors | sum(rate(istio_requests_total{reporter="destination",destination_workload="{service}"}[5m])) | 5 fell | {service} traffic',
    ]);
    expect(BUILT_IN_TEMPLATES.get('istio')!.description).toBe('Istio standard metrics (istio_requests_total, istio_request_duration_milliseconds) by destination_workload');
  });
});
