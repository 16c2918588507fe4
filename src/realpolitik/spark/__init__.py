"""Apache Spark: the pipeline past one machine (the optional ``realpolitik[spark]`` extra)."""
