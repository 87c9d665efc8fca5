using DrillRunner.Loading;

namespace DrillRunner.Docker.Tests.Remote;

public sealed class RemoteEndpointLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("drillrunner-remote-").FullName;

    [Fact]
    public void A_tcp_endpoint_without_tls_or_insecure_is_refused_at_load_with_file_line_and_field()
    {
        var file = Write("name: staging\ndriver: docker\ndocker:\n  endpoint: tcp://10.0.0.5:2375\n");

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file)).Problems);

        Assert.Equal(file, problem.Location.File);
        Assert.Equal(4, problem.Location.Line);
        Assert.Equal("docker.endpoint", problem.Field);
        Assert.Contains("without TLS", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_tcp_endpoint_with_insecure_true_loads_and_instances_are_reached_on_the_engines_host()
    {
        var file = Write("name: staging\ndriver: docker\ndocker:\n  endpoint: tcp://10.0.0.5:2375\n  insecure: true\n");

        var spec = EnvironmentLoader.Load(file);

        Assert.True(spec.Docker.IsRemote);
        Assert.Equal("10.0.0.5", spec.Docker.InstanceHost);
        Assert.Equal("10.0.0.5", spec.Docker.PublishAddress);
    }

    [Fact]
    public void A_tls_folder_without_its_pem_files_is_refused_at_load_naming_each_missing_file()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "certs"));
        var file = Write("name: staging\ndriver: docker\ndocker:\n  endpoint: tcp://engine.staging:2376\n  tlsCertPath: certs\n");

        var problems = Assert.Throws<DrillInputException>(() => EnvironmentLoader.Load(file)).Problems;

        Assert.Equal(3, problems.Count);
        Assert.All(problems, p => Assert.Equal("docker.tlsCertPath", p.Field));
        Assert.Contains(problems, p => p.Message.Contains(Path.Combine(_folder, "certs", "ca.pem"), StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string yaml)
    {
        var file = Path.Combine(_folder, "staging.yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
