using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DrillRunner.Docker.Tests.Remote;

/// <summary>
/// A CA, a server certificate for 127.0.0.1 and a client certificate, generated with .NET's CertificateRequest and
/// written as PEM files the way dockerd and <c>docker.tlsCertPath</c> expect them.
/// </summary>
internal static class TestCertificates
{
    private static readonly Oid ServerAuth = new("1.3.6.1.5.5.7.3.1");
    private static readonly Oid ClientAuth = new("1.3.6.1.5.5.7.3.2");

    /// <summary>Writes ca.pem, server-cert.pem, server-key.pem, cert.pem and key.pem into <paramref name="folder"/>.</summary>
    public static void Write(string folder, string caName)
    {
        Directory.CreateDirectory(folder);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest($"CN={caName}", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        // dockerd checks validity against the real clock.
        var now = TimeProvider.System.GetUtcNow().AddMinutes(-5);
        using var ca = caRequest.CreateSelfSigned(now, now.AddDays(1));
        File.WriteAllText(Path.Combine(folder, "ca.pem"), ca.ExportCertificatePem());

        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        Issue(folder, ca, "server", "CN=drillrunner-test-engine", ServerAuth, san.Build());
        Issue(folder, ca, "client", "CN=drillrunner-test-client", ClientAuth, null);
    }

    private static void Issue(string folder, X509Certificate2 ca, string role, string subject, Oid usage, X509Extension? san)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([usage], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var certificate = request.Create(ca, ca.NotBefore, ca.NotAfter, serial);
        var prefix = role == "server" ? "server-" : "";
        File.WriteAllText(Path.Combine(folder, $"{prefix}cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, $"{prefix}key.pem"), key.ExportPkcs8PrivateKeyPem());
    }
}
