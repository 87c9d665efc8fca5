using DrillRunner.Model;

namespace DrillRunner.Loading;

/// <summary>
/// The <c>docker:</c> block of an environment: a remote engine (<c>tcp://</c>) needs TLS (<c>tlsCertPath</c>) unless
/// the environment says <c>insecure: true</c>; the certificate folder holds <c>ca.pem</c>, <c>cert.pem</c>, <c>key.pem</c>.
/// </summary>
public static class DockerEndpointCheck
{
    private static readonly string[] TlsFiles = ["ca.pem", "cert.pem", "key.pem"];

    /// <summary>The same block with <c>tlsCertPath</c> made absolute against the environment file's folder.</summary>
    internal static DockerEndpointSpec Resolve(DockerEndpointSpec docker, string baseDirectory) =>
        string.IsNullOrEmpty(docker.TlsCertPath)
            ? docker
            : new DockerEndpointSpec
            {
                Endpoint = docker.Endpoint,
                TlsCertPath = Path.GetFullPath(docker.TlsCertPath, baseDirectory),
                Insecure = docker.Insecure,
                Network = docker.Network,
                Location = docker.Location,
            };

    /// <summary>The problems of an engine given outside a file (<c>drill env import</c>'s options), as field: message.</summary>
    public static IReadOnlyList<string> Problems(DockerEndpointSpec docker)
    {
        var problems = new ProblemList();
        Check(docker, SourceLocation.None, problems);
        return [.. problems.Items.Select(p => $"{p.Field}: {p.Message}")];
    }

    internal static void Check(DockerEndpointSpec docker, SourceLocation top, ProblemList problems)
    {
        var at = docker.Location == SourceLocation.None ? top : docker.Location;
        if (!Uri.TryCreate(docker.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("unix" or "tcp" or "npipe"))
        {
            problems.Add(at, "docker.endpoint", $"'{docker.Endpoint}' is not a unix://, tcp:// or npipe:// address");
            return;
        }

        var tls = !string.IsNullOrEmpty(docker.TlsCertPath);
        if (uri.Scheme == "tcp" && !tls && !docker.Insecure)
        {
            problems.Add(at, "docker.endpoint",
                $"'{docker.Endpoint}' is a remote engine without TLS: set docker.tlsCertPath (a folder with ca.pem, cert.pem, key.pem), or docker.insecure: true to accept an unauthenticated, unencrypted engine");
        }

        if (tls && uri.Scheme != "tcp")
        {
            problems.Add(at, "docker.tlsCertPath", $"TLS applies to a tcp:// endpoint only, not '{docker.Endpoint}'");
        }
        else if (tls && docker.Insecure)
        {
            problems.Add(at, "docker.insecure", "contradicts docker.tlsCertPath: choose TLS or insecure");
        }
        else if (tls)
        {
            foreach (var name in TlsFiles.Where(n => !File.Exists(Path.Combine(docker.TlsCertPath!, n))))
            {
                problems.Add(at, "docker.tlsCertPath", $"'{Path.Combine(docker.TlsCertPath!, name)}' does not exist (expected ca.pem, cert.pem and key.pem)");
            }
        }
    }
}
