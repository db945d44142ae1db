// The program of a layer link check: it only has to link (tests/CMakeLists.txt).
int main() { return 0; }
