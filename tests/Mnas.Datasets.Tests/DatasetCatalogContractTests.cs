using Mnas.SearchSpace.Contract;
using Mnas.Workers.Datasets;

namespace Mnas.Datasets.Tests;

/// <summary>Every data set a spec may name is one the workers can fetch, with the shape and classes the spec's views assume.</summary>
public class DatasetCatalogContractTests
{
    [Fact]
    public void the_workers_catalog_holds_exactly_the_specs_proxy_data_sets()
    {
        Assert.Equal(ProxyDatasets.Names, DatasetCatalog.Names);
        foreach (var proxy in ProxyDatasets.All)
        {
            var fetched = DatasetCatalog.Get(proxy.Name);
            Assert.Equal(proxy.Input, new(fetched.Channels, fetched.Height, fetched.Width));
            Assert.Equal(proxy.Classes, fetched.Classes);
        }
    }
}
