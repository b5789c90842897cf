// Parse an article with the C++ wrapper and print its dateline, statements and resolutions.
//
//   c++ -std=c++17 -Iinclude -Iexamples/cpp examples/cpp/parse_file.cpp
//       -Ltarget/release -lkhabar -Wl,-rpath,$PWD/target/release -o parse_file_cpp
//   ./parse_file_cpp tests/c/data/en-1.txt
#include "khabar.hpp"

#include <fstream>
#include <iostream>
#include <sstream>

int main(int argc, char **argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " ARTICLE.txt\n";
        return 2;
    }
    std::ifstream in(argv[1], std::ios::binary);
    if (!in) {
        std::cerr << "cannot open " << argv[1] << "\n";
        return 1;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const std::string text = buf.str();

    try {
        const khabar::Parser parser;
        const khabar::Article article = parser.parse(text);
        if (auto d = article.dateline()) {
            std::cout << "dateline: " << article.text().substr(d->span.start, d->span.end - d->span.start) << "\n";
            for (const khabar_mention &m : khabar::Mentions{d->locations})
                std::cout << "  location: " << khabar::view(m.text) << "\n";
        } else {
            std::cout << "no dateline\n";
        }
        const auto quotes = article.quotes();
        std::cout << "statements: " << quotes.size() << "\n";
        for (const khabar_quote &q : quotes) {
            std::cout << "  " << (q.has_speaker ? khabar::view(q.speaker.text) : std::string_view("?")) << ": "
                      << khabar::view(q.content.text) << "\n";
        }
        const auto resolutions = article.resolutions();
        std::cout << "resolutions: " << resolutions.size() << "\n";
        for (const khabar_resolution &r : resolutions) std::cout << "  " << khabar::view(r.symbol) << "\n";
        std::cout << "entities: " << article.entities().size() << "\n";

        // Errors are exceptions that carry the status and, for bad UTF-8, the offset.
        try {
            parser.parse(std::string_view("ok \xff", 4));
        } catch (const khabar::Error &e) {
            std::cout << "invalid input rejected: " << e.what() << " (offset " << e.offset() << ")\n";
        }
    } catch (const khabar::Error &e) {
        std::cerr << "khabar: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
