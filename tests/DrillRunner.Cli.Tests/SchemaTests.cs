using DrillRunner.Hosting;
using DrillRunner.Loading;

namespace DrillRunner.Cli.Tests;

public sealed class SchemaTests
{
    [Fact]
    public void The_committed_schemas_match_the_registered_components()
    {
        var catalog = Runner.CreateCatalog();
        var folder = Path.Combine(DemoWorkspace.RepositoryRoot, "drills", "schema");

        Assert.Equal(SchemaGenerator.DrillSchema(catalog), File.ReadAllText(Path.Combine(folder, "drill.schema.json")));
        Assert.Equal(SchemaGenerator.EnvironmentSchema(catalog), File.ReadAllText(Path.Combine(folder, "environment.schema.json")));
    }
}
