using Xunit.Abstractions;
using Xunit.Sdk;

namespace DrillRunner.Testing.Drivers;

/// <summary>Discovers <see cref="DriverFactAttribute"/> cases, deciding the skip per concrete test class.</summary>
public sealed class DriverFactDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var needsDocker = testMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresDockerAttribute)).Any();
        if (needsDocker && DockerFactAttribute.IsSkipped)
        {
            return [new XunitSkippedDataRowTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, DockerFactAttribute.SkipReason, null)];
        }

        return [new XunitTestCase(diagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(), discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod)];
    }
}
