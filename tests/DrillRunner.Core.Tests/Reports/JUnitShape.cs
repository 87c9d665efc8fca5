using System.Globalization;
using System.Xml.Linq;

namespace DrillRunner.Core.Tests.Reports;

/// <summary>
/// The element and attribute rules of the common (Jenkins/Ant) JUnit schema, checked structurally: which
/// children and attributes each element may have, which attributes are required and numeric.
/// </summary>
internal static class JUnitShape
{
    private static readonly Dictionary<string, (string[] Children, string[] Attributes, string[] Required)> Rules = new(StringComparer.Ordinal)
    {
        ["testsuites"] = (["testsuite"], ["name", "time", "tests", "failures", "disabled", "errors"], []),
        ["testsuite"] = (["properties", "testcase", "system-out", "system-err"],
            ["name", "tests", "failures", "errors", "group", "time", "disabled", "skipped", "timestamp", "hostname", "id", "package", "file", "log", "url", "version"], ["name", "tests"]),
        ["properties"] = (["property"], [], []),
        ["property"] = ([], ["name", "value"], ["name", "value"]),
        ["testcase"] = (["skipped", "error", "failure", "system-out", "system-err"], ["name", "assertions", "time", "classname", "status", "group", "file", "line"], ["name"]),
        ["failure"] = ([], ["message", "type"], []),
        ["error"] = ([], ["message", "type"], []),
        ["skipped"] = ([], ["message"], []),
        ["system-out"] = ([], [], []),
        ["system-err"] = ([], [], []),
    };

    public static void AssertValid(XDocument doc)
    {
        Assert.Equal("testsuites", doc.Root!.Name.LocalName);
        foreach (var element in doc.Root.DescendantsAndSelf())
        {
            Assert.True(Rules.TryGetValue(element.Name.LocalName, out var rule), $"unexpected element <{element.Name}>");
            Assert.All(element.Elements(), child => Assert.Contains(child.Name.LocalName, rule.Children));
            Assert.All(element.Attributes(), a => Assert.Contains(a.Name.LocalName, rule.Attributes));
            Assert.All(rule.Required, name => Assert.NotNull(element.Attribute(name)));
            foreach (var numeric in new[] { "tests", "failures", "errors", "skipped" })
            {
                if (element.Attribute(numeric) is { } value)
                {
                    Assert.True(int.TryParse(value.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _), $"{numeric}=\"{value.Value}\" is not a count");
                }
            }

            if (element.Attribute("time") is { } time)
            {
                Assert.True(decimal.TryParse(time.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), $"time=\"{time.Value}\" is not a decimal");
            }
        }

        // properties must come first in a testsuite; a testcase has at most one skipped.
        Assert.All(doc.Descendants("testsuite"), s => Assert.True(s.Element("properties") is null || s.Elements().First().Name == "properties"));
        Assert.All(doc.Descendants("testcase"), c => Assert.True(c.Elements("skipped").Count() <= 1));
    }
}
