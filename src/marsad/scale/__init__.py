"""Scale-out engines: the pipeline run over partitions of the input on a cluster.

:mod:`marsad.scale.partitions` cuts inputs into partitions and reads one back (plain Python);
:mod:`marsad.scale.sinks` writes a partition's results idempotently (the store, or Parquet files);
:mod:`marsad.scale.dask` runs the partitions on Dask distributed (the optional extra ``dask``).
Nothing here imports Dask at import time, so ``marsad`` works without the extra.
"""
