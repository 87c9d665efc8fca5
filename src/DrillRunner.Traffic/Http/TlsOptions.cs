using System.Diagnostics.CodeAnalysis;
using System.Net.Security;

namespace DrillRunner.Traffic.Http;

internal static class TlsOptions
{
    [SuppressMessage("Security", "CA5359:Do not disable certificate validation",
        Justification = "Only when the plan sets Insecure, for self-signed staging certificates; validation is on by default.")]
    public static SslClientAuthenticationOptions For(TargetEndpoint endpoint) => new()
    {
        TargetHost = endpoint.Host,
        RemoteCertificateValidationCallback = endpoint.Insecure ? (_, _, _, _) => true : null,
    };
}
