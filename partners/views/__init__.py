"""The partner space's pages and the public application form, one module per concern."""
