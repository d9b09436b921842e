"""The actor knowledge base: who held which role, when."""
