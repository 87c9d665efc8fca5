using System.Diagnostics;
using System.Text;
using DrillRunner.Loading;
using DrillRunner.Testing;

namespace DrillRunner.Core.Tests.Loading;

public sealed class HostileInputTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly DrillLoader _loader = new(TestCatalog.Create());

    public HostileInputTests() => _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_yaml_alias_bomb_is_rejected_with_a_clear_error()
    {
        var bomb = new StringBuilder("name: bomb\nenvironment: test-shop\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 12; i++)
        {
            bomb.Append(CultureInfoInvariant($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n"));
        }

        bomb.Append("probes: *a11\n");
        var watch = Stopwatch.StartNew();
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("bomb.yaml", bomb.ToString())));
        watch.Stop();

        Assert.Contains(ex.Problems, p => p.Message.Contains("anchors/aliases", StringComparison.Ordinal) || p.Message.Contains("unknown field", StringComparison.Ordinal));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public void A_file_over_the_size_limit_is_rejected_before_parsing()
    {
        var file = Path.Combine(_folder.Path, "huge.yaml");
        using (var stream = File.Create(file))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        Assert.Contains("over the limit", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_rejected_instead_of_overflowing_the_stack()
    {
        var deep = "name: deep\nenvironment: test-shop\nx: " + new string('[', 5000) + new string(']', 5000) + "\n";
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(_folder.Write("deep.yaml", deep)));
        Assert.Contains(ex.Problems, p => p.Message.Contains("nesting deeper", StringComparison.Ordinal));
    }

    [Fact]
    public void Binary_garbage_is_rejected_as_not_yaml()
    {
        var file = Path.Combine(_folder.Path, "garbage.yaml");
        File.WriteAllBytes(file, Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 256)).ToArray());
        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));
        Assert.NotEmpty(ex.Problems);
        Assert.All(ex.Problems, p => Assert.Equal(file, p.Location.File));
    }

    [Fact]
    public void Wrong_types_and_huge_numbers_are_located_problems_not_crashes()
    {
        var file = _folder.Write("types.yaml", """
            name: [not, a, name]
            environment: test-shop
            passScore: 1e999
            probes:
              - name: up
                kind: service-up
                minimumRunning: 99999999999999999999
            recovery:
              consecutiveSamples: -3
            """);

        var ex = Assert.Throws<DrillInputException>(() => _loader.Load(file));

        Assert.Contains(ex.Problems, p => p.Field == "name" && p.Location.Line == 1);
        Assert.Contains(ex.Problems, p => p.Field == "passScore" && p.Location.Line == 3);
        Assert.Contains(ex.Problems, p => p.Field == "probes[0].minimumRunning" && p.Location.Line == 7);
        Assert.Contains(ex.Problems, p => p.Field == "recovery.consecutiveSamples" && p.Location.Line == 9);
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
