"""plangraph: trace what a government plan asks of whom, as a validated RDF knowledge graph.

Importing the package is cheap: heavy libraries (rdflib, pyshacl, networkx, numpy) are
imported only inside the commands that use them.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
