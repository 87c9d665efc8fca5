using DrillRunner.Model;

namespace DrillRunner.Core.Tests.Model;

public sealed class SelectorRulesTests
{
    private static readonly Dictionary<string, string> Labels = new() { ["team"] = "shop", ["tier"] = "web" };

    [Theory]
    [InlineData("team=shop", null, "legacy-app-1", true)]
    [InlineData("team=billing", null, "legacy-app-1", false)]
    [InlineData(null, "^legacy-app-[0-9]+$", "legacy-app-1", true)]
    [InlineData(null, "^legacy-app-[0-9]+$", "old-legacy-app-1", false)]
    [InlineData("team=shop", "^legacy-app-[0-9]+$", "legacy-db-1", false)]
    public void A_safe_selector_matches_by_label_value_and_whole_name(string? label, string? pattern, string name, bool expected) =>
        Assert.Equal(expected, SelectorRules.Matches(new SelectorSpec { Label = label, NamePattern = pattern }, Labels, name));

    [Theory]
    [InlineData(null, null)]
    [InlineData("team", null)]
    [InlineData("", null)]
    [InlineData(null, "app")]
    [InlineData(null, "^.*$")]
    [InlineData("team=shop", "legacy")]
    public void An_unsafe_selector_selects_nothing_even_what_it_would_have_matched(string? label, string? pattern) =>
        Assert.False(SelectorRules.Matches(new SelectorSpec { Label = label, NamePattern = pattern }, Labels, "legacy-app-1"));
}
