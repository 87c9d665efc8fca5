using DrillRunner.Docker.Images;

namespace DrillRunner.Docker.Tests.Images;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("demoshop", "demoshop", "latest")]
    [InlineData("drillrunner/demoshop:dev", "drillrunner/demoshop", "dev")]
    [InlineData("registry:5000/shop", "registry:5000/shop", "latest")]
    [InlineData("registry:5000/shop:1.2", "registry:5000/shop", "1.2")]
    public void An_image_name_splits_into_repository_and_tag(string image, string repository, string tag) =>
        Assert.Equal(new ImageReference(repository, tag), ImageReference.Parse(image));
}
