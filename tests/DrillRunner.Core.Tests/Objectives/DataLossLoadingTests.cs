using DrillRunner.Loading;
using DrillRunner.Objectives.DataLoss;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Objectives;

public sealed class DataLossLoadingTests : IDisposable
{
    private const string Http = "  - name: products\n    kind: http\n    url: ${endpoints.shop}/products\n";

    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public DataLossLoadingTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_data_loss_objective_reads_the_only_canary_and_weighs_twenty()
    {
        var drill = _loader.Load(_folder.Write("ok.yaml", CanaryDrills.Drill(CanaryDrills.Probe() + Http, objectives: "  - kind: data-loss\n    rpo: 5s\n")));

        var options = Assert.IsType<DataLossOptions>(drill.Spec.Objectives.Single());
        Assert.Equal(TimeSpan.FromSeconds(5), options.Rpo);
        Assert.Null(options.MaxLostWrites);
        Assert.Equal(20, drill.Objectives.Single().Weight);
        Assert.True(drill.Objectives.Single().Objective.IsGate);
    }

    [Theory]
    [InlineData("  - kind: data-loss\n    rpo: 5s\n", "objectives[0].probe", "data-loss needs a 'canary' probe in the drill, and it has none")]
    [InlineData("  - kind: data-loss\n    maxLostWrites: 0\n    probe: products\n", "objectives[0].probe", "probe 'products' is a 'http' probe; data-loss needs a 'canary' probe")]
    [InlineData("  - kind: data-loss\n    maxLostWrites: 0\n    probe: product\n", "objectives[0].probe", "the drill has no probe 'product' (did you mean 'products'?)")]
    public void A_data_loss_objective_without_its_canary_is_refused_at_its_line(string objective, string field, string message)
    {
        var file = _folder.Write("bad.yaml", CanaryDrills.Drill(Http, objectives: objective));

        var problem = Assert.Single(Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems);

        Assert.Equal((file, 12, field, message), (problem.Location.File, problem.Location.Line, problem.Field, problem.Message));
    }

    [Fact]
    public void Two_canaries_need_the_objective_to_name_one_and_targets_must_be_given()
    {
        var two = CanaryDrills.Probe() + CanaryDrills.Probe().Replace("name: orders-canary", "name: second-canary", StringComparison.Ordinal);
        var file = _folder.Write("two.yaml", CanaryDrills.Drill(two, objectives: "  - kind: data-loss\n"));

        var problems = Assert.Throws<DrillInputException>(() => _loader.Load(file)).Problems;

        Assert.Contains(problems, p => p.Field == "objectives[0].probe" && p.Message == "the drill has 2 'canary' probes; name the one data-loss reads (orders-canary, second-canary)");
        Assert.Contains(problems, p => p.Field == "objectives[0].rpo" && p.Message == "give rpo (e.g. 5s) and/or maxLostWrites (e.g. 0)");
    }
}
