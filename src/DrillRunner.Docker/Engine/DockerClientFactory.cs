using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet;
using Docker.DotNet.X509;
using DrillRunner.Drivers;
using DrillRunner.Model;

namespace DrillRunner.Docker.Engine;

/// <summary>Turns an environment's endpoint (<c>unix://</c> or <c>tcp://</c>, optionally with TLS) into a client.</summary>
internal static class DockerClientFactory
{
    public static DockerClient Create(DockerEndpointSpec spec)
    {
        if (!Uri.TryCreate(spec.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "http" or "https" or "npipe"))
        {
            throw new DriverException($"Docker endpoint '{spec.Endpoint}' is not a unix://, tcp:// or npipe:// address.");
        }

        // Timeouts are the resilience pipeline's job, per call; the HTTP client must not cut long streams.
        var timeout = Timeout.InfiniteTimeSpan;
        if (string.IsNullOrEmpty(spec.TlsCertPath))
        {
            if (uri.Scheme is "tcp" or "http" && !spec.Insecure)
            {
                throw new DriverException(
                    $"Docker endpoint '{spec.Endpoint}' is a remote engine without TLS: set docker.tlsCertPath, or docker.insecure: true.");
            }

            return new DockerClientConfiguration(uri, null, timeout).CreateClient();
        }

        var credentials = CreateTlsCredentials(spec.TlsCertPath);
        var tlsUri = new UriBuilder(uri) { Scheme = "https" }.Uri;
        return new DockerClientConfiguration(tlsUri, credentials, timeout).CreateClient();
    }

    private static CertificateCredentials CreateTlsCredentials(string folder)
    {
        string Pem(string name)
        {
            var path = Path.Combine(folder, name);
            return File.Exists(path)
                ? path
                : throw new DriverException($"Docker TLS: '{path}' is missing (expected ca.pem, cert.pem and key.pem in {folder}).");
        }

        var client = X509Certificate2.CreateFromPemFile(Pem("cert.pem"), Pem("key.pem"));
        var ca = X509CertificateLoader.LoadCertificateFromFile(Pem("ca.pem"));
        return new CertificateCredentials(client)
        {
            ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                ValidateAgainst(ca, certificate, errors),
        };
    }

    // The engine's certificate is signed by the environment's own CA, not a public one, and must name the endpoint's
    // host (SslStream computes the name check against the request's host). A refusal says why, not only "rejected".
    private static bool ValidateAgainst(X509Certificate2 ca, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            throw new AuthenticationException("the Docker engine presented no TLS certificate");
        }

        using var server = new X509Certificate2(certificate);
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            throw new AuthenticationException(
                $"the Docker engine's certificate ({server.Subject}) does not name the endpoint's host (host name mismatch)");
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (!chain.Build(server))
        {
            var why = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
            throw new AuthenticationException(
                $"the Docker engine's certificate ({server.Subject}) is not signed by the environment's ca.pem ({ca.Subject}): {why}");
        }

        return true;
    }
}
