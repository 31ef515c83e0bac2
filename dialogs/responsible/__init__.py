"""Who is responsible for a network membership: the answer, its card and the picker."""
