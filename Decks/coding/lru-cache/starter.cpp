class LRUCache {
public:
    LRUCache(int capacity) {
    }

    int get(int key) {
        return -1;
    }

    void put(int key, int value) {
    }
};
