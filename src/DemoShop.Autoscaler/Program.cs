using DemoShop.Autoscaler;

await AutoscalerHost.Create(args).RunAsync();
